/**
 * Baskets: whole quantities within a budget maximising desire-weighted utility with diminishing
 * returns, by a Jenetics genetic algorithm checked against an exact dynamic programme ({@link
 * dev.autonomy.plan.basket.BasketPlanner}); items come from CSV ({@link
 * dev.autonomy.plan.basket.ItemsCsv}).
 */
package dev.autonomy.plan.basket;
