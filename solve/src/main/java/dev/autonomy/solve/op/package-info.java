/**
 * The orienteering problem: most prize on a path from a start to an end within a cost budget.
 * {@link dev.autonomy.solve.op.AntColonyOrienteering} is the solver other modules call (the plan
 * module feeds it walking times from a map); {@link dev.autonomy.solve.op.OrienteeringReader} reads
 * the Tsiligirides and Chao benchmark files; {@link dev.autonomy.solve.op.ExactOrienteering} solves
 * small cases exactly, to check the colony against.
 */
package dev.autonomy.solve.op;
