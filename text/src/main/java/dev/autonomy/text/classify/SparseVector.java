package dev.autonomy.text.classify;

/**
 * A sparse vector: strictly increasing {@code indices} and their {@code values}. Arrays are owned
 * by the vector and never changed after construction.
 */
record SparseVector(int[] indices, float[] values) {
  SparseVector {
    if (indices.length != values.length) {
      throw new IllegalArgumentException(
          "sparse vector has " + indices.length + " indices but " + values.length + " values");
    }
  }

  int size() {
    return indices.length;
  }
}
