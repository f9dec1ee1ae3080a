/**
 * The symmetric travelling-salesman problem: TSPLIB 95 files ({@link
 * dev.autonomy.solve.tsp.TsplibReader}), their exact distance functions ({@link
 * dev.autonomy.solve.tsp.EdgeWeightType}), and a MAX-MIN ant system with 2-opt and Or-opt local
 * search ({@link dev.autonomy.solve.tsp.AntColonyTsp}).
 */
package dev.autonomy.solve.tsp;
