package dev.autonomy.solve.tsp;

/**
 * Distances and nearest-neighbour candidate lists for one instance, shared read-only by all ants.
 * The distance matrix is precomputed as {@code int[]} up to {@link #MATRIX_LIMIT} cities; larger
 * instances compute distances on demand.
 */
final class CandidateGraph {
  static final int MATRIX_LIMIT = 2500;

  final int n;
  final int k;
  /** {@code neighbours[c * k + r]} is the r-th nearest city to c. */
  final int[] neighbours;

  private final TspInstance instance;
  private final int[] matrix;

  CandidateGraph(TspInstance instance, int candidates) {
    this.instance = instance;
    this.n = instance.dimension();
    this.k = Math.min(candidates, n - 1);
    this.matrix = n <= MATRIX_LIMIT ? buildMatrix(instance) : null;
    this.neighbours = buildNeighbours();
  }

  int d(int i, int j) {
    return matrix != null ? matrix[i * n + j] : instance.distance(i, j);
  }

  long length(int[] tour) {
    long length = 0;
    int prev = tour[n - 1];
    for (int c : tour) {
      length += d(prev, c);
      prev = c;
    }
    return length;
  }

  private static int[] buildMatrix(TspInstance instance) {
    int n = instance.dimension();
    int[] m = new int[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int d = instance.distance(i, j);
        m[i * n + j] = d;
        m[j * n + i] = d;
      }
    }
    return m;
  }

  /** Keeps the k nearest of each city by insertion into a small sorted buffer; ties by index. */
  private int[] buildNeighbours() {
    int[] result = new int[n * k];
    if (k == 0) {
      return result;
    }
    int[] bestCity = new int[k];
    int[] bestDist = new int[k];
    for (int c = 0; c < n; c++) {
      int size = 0;
      for (int j = 0; j < n; j++) {
        if (j == c) {
          continue;
        }
        int dj = d(c, j);
        if (size == k && dj >= bestDist[k - 1]) {
          continue;
        }
        int at = size < k ? size++ : k - 1;
        while (at > 0 && bestDist[at - 1] > dj) {
          bestDist[at] = bestDist[at - 1];
          bestCity[at] = bestCity[at - 1];
          at--;
        }
        bestDist[at] = dj;
        bestCity[at] = j;
      }
      System.arraycopy(bestCity, 0, result, c * k, k);
    }
    return result;
  }
}
