package dev.autonomy.tune;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float weights ("initializers") of an ONNX model, read from its protobuf bytes in file order.
 * Only the few fields needed are read (ModelProto.graph = 7, GraphProto.initializer = 5,
 * TensorProto dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9); everything else is
 * skipped, so no ONNX schema is compiled in.
 */
final class OnnxInitializers {
  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_FLOAT_DATA = 4;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int FLOAT = 1;

  /**
   * One float tensor: its shape, values (row-major) and where in the file its values start.
   *
   * @param dataOffset byte offset in the model of its values stored as consecutive little-endian
   *     floats (raw_data or packed float_data), where {@link OnnxExport} writes new ones; -1 when
   *     they are stored one field per value
   */
  record Tensor(String name, long[] shape, float[] values, int dataOffset) {}

  private OnnxInitializers() {}

  /** The float initializers by name, in the order the file stores them; other types are left out. */
  static Map<String, Tensor> read(byte[] model, String source) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(model);
      in.setSizeLimit(Integer.MAX_VALUE);
      while (!in.isAtEnd()) {
        int tag = in.readTag();
        if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
          int limit = in.pushLimit(in.readRawVarint32());
          readGraph(in, model, out);
          in.popLimit(limit);
        } else {
          in.skipField(tag);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(source + ": not a readable ONNX model (" + e.getMessage() + ")");
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(source + ": the ONNX model has no float weights");
    }
    return out;
  }

  private static void readGraph(CodedInputStream in, byte[] model, Map<String, Tensor> out) throws IOException {
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (WireFormat.getTagFieldNumber(tag) == GRAPH_INITIALIZER) {
        int limit = in.pushLimit(in.readRawVarint32());
        Tensor t = readTensor(in, model);
        in.popLimit(limit);
        if (t != null) {
          out.put(t.name(), t);
        }
      } else {
        in.skipField(tag);
      }
    }
  }

  private static Tensor readTensor(CodedInputStream in, byte[] model) throws IOException {
    List<Long> dims = new ArrayList<>();
    int type = 0;
    String name = "";
    float[] values = null;
    int offset = -1;
    List<Float> floats = new ArrayList<>();
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      int field = WireFormat.getTagFieldNumber(tag);
      int wire = WireFormat.getTagWireType(tag);
      if (field == TENSOR_DIMS && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
          dims.add(in.readInt64());
        }
        in.popLimit(limit);
      } else if (field == TENSOR_DIMS) {
        dims.add(in.readInt64());
      } else if (field == TENSOR_DATA_TYPE) {
        type = in.readInt32();
      } else if (field == TENSOR_NAME) {
        name = in.readString();
      } else if (field == TENSOR_RAW_DATA
          || (field == TENSOR_FLOAT_DATA && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        // raw_data and packed float_data hold the same bytes: consecutive little-endian floats.
        int length = in.readRawVarint32();
        offset = in.getTotalBytesRead();
        ByteBuffer raw = ByteBuffer.wrap(model, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        values = new float[length / Float.BYTES];
        raw.asFloatBuffer().get(values);
        in.skipRawBytes(length);
      } else if (field == TENSOR_FLOAT_DATA) {
        floats.add(in.readFloat());
      } else {
        in.skipField(tag);
      }
    }
    if (type != FLOAT) {
      return null;
    }
    if (values == null) {
      values = new float[floats.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = floats.get(i);
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long size = 1;
    for (long d : shape) {
      size *= d;
    }
    if (size != values.length) {
      throw new InvalidInputException(
          "ONNX tensor '" + name + "' has shape " + dims + " but " + values.length + " values");
    }
    return new Tensor(name, shape, values, offset);
  }
}
