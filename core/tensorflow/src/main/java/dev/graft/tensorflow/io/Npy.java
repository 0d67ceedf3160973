package dev.graft.tensorflow.io;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0).
 *
 * <p>Supported element types: float32, float64, int32, int64, uint8 and bool, little- or
 * big-endian, C (row-major) order. Fortran-order arrays, other dtypes (e.g. float16, complex,
 * strings, objects, structured) and pickled data are rejected with {@code GRAFT-IO-003} naming the
 * file and what to do. Files are written little-endian in version 1.0 (2.0 when the header is
 * longer than 65535 bytes), with the header laid out and padded exactly as {@code numpy.save} does
 * (NumPy 1.23 and later).
 *
 * <p>Stateless and thread-safe.
 */
public final class Npy {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR =
      Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
  private static final Pattern FORTRAN =
      Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
  private static final int ALIGNMENT = 64;
  private static final int GROWTH_AXIS_DIGITS = 21;

  private Npy() {}

  /**
   * Reads a {@code .npy} file.
   *
   * @param file the file
   * @return the array
   * @throws InvalidInputException {@code GRAFT-IO-001} if the file cannot be read, {@code
   *     GRAFT-IO-003} if it is not a supported {@code .npy} file
   */
  public static HostTensor read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          "NumPy file " + file + " does not exist; check the path.",
          e);
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          "NumPy file " + file + " cannot be read: " + e.getMessage(),
          e);
    }
    return parse(bytes, file.toString());
  }

  /**
   * Parses the bytes of a {@code .npy} file.
   *
   * @param bytes the whole file
   * @param source the file name to put in error messages
   * @return the array
   * @throws InvalidInputException {@code GRAFT-IO-003} if the bytes are not a supported {@code
   *     .npy} file
   */
  public static HostTensor parse(byte[] bytes, String source) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 10 || !startsWithMagic(bytes)) {
      throw malformed(source, "it does not start with the NumPy magic bytes \\x93NUMPY");
    }
    int major = Byte.toUnsignedInt(bytes[6]);
    int minor = Byte.toUnsignedInt(bytes[7]);
    in.position(8);
    long headerLength;
    Charset charset;
    switch (major) {
      case 1 -> {
        headerLength = Short.toUnsignedInt(in.getShort());
        charset = StandardCharsets.ISO_8859_1;
      }
      case 2, 3 -> {
        if (bytes.length < 12) {
          throw malformed(source, "the header length is cut off");
        }
        headerLength = Integer.toUnsignedLong(in.getInt());
        charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
      }
      default ->
          throw malformed(
              source,
              "format version " + major + "." + minor + " is not supported (only 1.0, 2.0, 3.0)");
    }
    if (in.position() + headerLength > bytes.length) {
      throw malformed(
          source, "the header claims " + headerLength + " bytes but the file is shorter");
    }
    String header = new String(bytes, in.position(), (int) headerLength, charset);
    in.position(in.position() + (int) headerLength);
    Header parsed = parseHeader(header, source);
    long expected = elementCount(parsed.shape, source) * parsed.type.byteSize();
    if (in.remaining() != expected) {
      throw malformed(
          source,
          "shape "
              + formatShape(parsed.shape)
              + " of "
              + parsed.type.displayName()
              + " needs "
              + expected
              + " data bytes but the file holds "
              + in.remaining()
              + (in.remaining() < expected ? " (truncated?)" : ""));
    }
    in.order(parsed.order);
    return HostTensor.fromBytes(parsed.type, parsed.shape, in);
  }

  /**
   * Writes a {@code .npy} file atomically with {@link AtomicFiles}: to a temporary sibling first,
   * flushed to disk, then renamed into place.
   *
   * @param file the target file (its parent folder is created if missing)
   * @param tensor the array
   * @throws InvalidInputException {@code GRAFT-IO-002} if the file cannot be written
   */
  public static void write(Path file, HostTensor tensor) {
    byte[] bytes = toBytes(tensor);
    try {
      AtomicFiles.write(file, bytes);
    } catch (GraftException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write NumPy file "
              + file
              + ": "
              + cause
              + ". Check the folder exists and is writable.",
          cause);
    }
  }

  /**
   * Encodes an array as the bytes of a {@code .npy} file (little-endian, C order).
   *
   * @param tensor the array
   * @return the file's bytes
   */
  public static byte[] toBytes(HostTensor tensor) {
    String byteOrder =
        tensor.type() == ElementType.UINT8 || tensor.type() == ElementType.BOOL ? "|" : "<";
    String dict =
        "{'descr': '"
            + byteOrder
            + tensor.type().npyCode()
            + "', 'fortran_order': False, 'shape': "
            + formatShape(tensor.shape())
            + ", }";
    // numpy leaves room for the first axis to grow in place, then pads to 64 bytes (always adding
    // at least one space), so files are byte-identical to numpy.save's.
    long[] shape = tensor.shape();
    String growthRoom =
        shape.length == 0
            ? ""
            : " ".repeat(Math.max(0, GROWTH_AXIS_DIGITS - Long.toString(shape[0]).length()));
    String padded = dict + growthRoom;
    int version = padded.length() + 12 + ALIGNMENT <= 65535 ? 1 : 2;
    int prefix = version == 1 ? 10 : 12;
    int unpadded = prefix + padded.length() + 1;
    int padding = ALIGNMENT - unpadded % ALIGNMENT;
    String header = padded + " ".repeat(padding) + "\n";
    byte[] headerBytes = header.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out =
        ByteBuffer.allocate(prefix + headerBytes.length + (int) tensor.byteSize())
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) version).put((byte) 0);
    if (version == 1) {
      out.putShort((short) headerBytes.length);
    } else {
      out.putInt(headerBytes.length);
    }
    out.put(headerBytes);
    out.put(tensor.toBytes(ByteOrder.LITTLE_ENDIAN));
    return out.array();
  }

  private record Header(ElementType type, ByteOrder order, long[] shape) {}

  private static Header parseHeader(String header, String source) {
    Matcher descr = DESCR.matcher(header);
    Matcher fortran = FORTRAN.matcher(header);
    Matcher shape = SHAPE.matcher(header);
    if (!descr.find() || !fortran.find() || !shape.find()) {
      throw malformed(
          source,
          "its header "
              + header.strip()
              + " lacks 'descr', 'fortran_order' or 'shape' (structured dtypes are not supported)");
    }
    if (fortran.group(1).equals("True")) {
      throw malformed(
          source,
          "it is stored in Fortran (column-major) order, which is not supported; save it with"
              + " numpy.save(path, numpy.ascontiguousarray(array))");
    }
    String code = descr.group(1);
    ByteOrder order;
    String typeCode;
    if (!code.isEmpty() && "<>|=".indexOf(code.charAt(0)) >= 0) {
      order = code.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      typeCode = code.substring(1);
    } else {
      order = ByteOrder.LITTLE_ENDIAN;
      typeCode = code;
    }
    ElementType type = ElementType.fromNpyCode(typeCode);
    if (type == null) {
      throw malformed(
          source,
          "dtype '"
              + code
              + "' is not supported; use float32, float64, int32, int64, uint8 or bool"
              + " (e.g. array.astype(numpy.float32))");
    }
    return new Header(type, order, parseShape(shape.group(1), source));
  }

  private static long[] parseShape(String text, String source) {
    List<Long> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String dim = part.strip();
      if (dim.endsWith("L")) {
        dim = dim.substring(0, dim.length() - 1);
      }
      if (dim.isEmpty()) {
        continue;
      }
      try {
        long value = Long.parseLong(dim);
        if (value < 0) {
          throw malformed(source, "shape (" + text + ") has a negative dimension");
        }
        dims.add(value);
      } catch (NumberFormatException e) {
        throw malformed(source, "shape (" + text + ") is not a tuple of whole numbers");
      }
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  private static long elementCount(long[] shape, String source) {
    long count = 1;
    try {
      for (long dim : shape) {
        count = Math.multiplyExact(count, dim);
      }
    } catch (ArithmeticException e) {
      throw malformed(source, "shape " + formatShape(shape) + " is too large");
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw malformed(
          source,
          "shape " + formatShape(shape) + " has more elements than Graft can hold in memory");
    }
    return count;
  }

  private static String formatShape(long[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      text.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return text.append(')').toString();
  }

  private static boolean startsWithMagic(byte[] bytes) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static InvalidInputException malformed(String source, String why) {
    return new InvalidInputException(
        GraftErrors.MALFORMED_FILE, "NumPy file " + source + " is not usable: " + why + ".");
  }
}
