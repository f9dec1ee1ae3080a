package dev.autonomy.solve.tsp;

/** Exact answers for tiny instances (up to 9 cities) by trying every tour that starts at city 0. */
final class SmallTsp {
  private SmallTsp() {}

  static TspTour exact(TspInstance instance) {
    int n = instance.dimension();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n <= 3) {
      return TspTour.of(instance, order);
    }
    int[] best = order.clone();
    long[] bestLength = {instance.tourLength(order)};
    permute(instance, order, 1, best, bestLength);
    return TspTour.of(instance, best);
  }

  private static void permute(TspInstance instance, int[] order, int from, int[] best, long[] bestLength) {
    if (from == order.length) {
      long length = instance.tourLength(order);
      if (length < bestLength[0]) {
        bestLength[0] = length;
        System.arraycopy(order, 0, best, 0, order.length);
      }
      return;
    }
    for (int i = from; i < order.length; i++) {
      swap(order, from, i);
      permute(instance, order, from + 1, best, bestLength);
      swap(order, from, i);
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
