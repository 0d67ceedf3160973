package dev.graft.tensorflow.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

  @TempDir Path dir;

  /** The exact bytes numpy.save writes for np.array([1.5, -2, 3], dtype=np.float32). */
  private static byte[] numpyFloat32Vector() {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }";
    String header = dict + " ".repeat(128 - 10 - 1 - dict.length()) + "\n";
    ByteBuffer file = ByteBuffer.allocate(128 + 12).order(ByteOrder.LITTLE_ENDIAN);
    file.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    file.putShort((short) header.length());
    file.put(header.getBytes(StandardCharsets.ISO_8859_1));
    file.putFloat(1.5f).putFloat(-2f).putFloat(3f);
    return file.array();
  }

  private static byte[] handMade(int major, String dict, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = (dict + "\n").getBytes(StandardCharsets.UTF_8);
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    ByteBuffer length = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      length.putShort((short) header.length);
    } else {
      length.putInt(header.length);
    }
    out.writeBytes(length.array());
    out.writeBytes(header);
    out.writeBytes(data);
    return out.toByteArray();
  }

  @Test
  void readsAndWritesNumpysExactBytes() {
    byte[] numpy = numpyFloat32Vector();

    HostTensor tensor = Npy.parse(numpy, "vector.npy");

    assertEquals(ElementType.FLOAT32, tensor.type());
    assertArrayEquals(new long[] {3}, tensor.shape());
    assertArrayEquals(new float[] {1.5f, -2f, 3f}, tensor.toFloatArray());
    assertArrayEquals(numpy, Npy.toBytes(tensor));
  }

  @Test
  void readsBigEndianVersion2AndUtf8Version3Headers() {
    ByteBuffer bigEndian = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
    bigEndian.putInt(1).putInt(-2).putInt(300_000).putInt(Integer.MIN_VALUE);
    HostTensor ints =
        Npy.parse(
            handMade(
                2,
                "{\"descr\": \">i4\", \"fortran_order\": False, \"shape\": (2, 2)}",
                bigEndian.array()),
            "ints.npy");
    assertArrayEquals(new long[] {2, 2}, ints.shape());
    assertArrayEquals(new int[] {1, -2, 300_000, Integer.MIN_VALUE}, ints.toIntArray());

    ByteBuffer doubles = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(Math.PI);
    HostTensor scalar =
        Npy.parse(
            handMade(3, "{'descr': '>f8', 'fortran_order': False, 'shape': (), }", doubles.array()),
            "scalar.npy");
    assertArrayEquals(new long[0], scalar.shape());
    assertArrayEquals(new double[] {Math.PI}, scalar.toDoubleArray());
  }

  @Test
  void roundTripsEveryTypeThroughFiles() {
    List<HostTensor> tensors =
        List.of(
            HostTensor.ofFloats(new float[] {0.25f, Float.NaN, -1e30f, 7f, 8f, 9f}, 2, 3),
            HostTensor.ofDoubles(new double[] {Double.MIN_VALUE, -0.0}, 2),
            HostTensor.ofInts(new int[] {Integer.MAX_VALUE, 0, -7}, 3, 1),
            HostTensor.ofLongs(new long[] {Long.MIN_VALUE, 42}, 1, 2),
            HostTensor.ofUint8(new byte[] {0, (byte) 255, (byte) 128}, 3),
            HostTensor.ofBooleans(new boolean[] {true, false, true, true}, 2, 2),
            HostTensor.ofFloats(new float[0], 0, 4));
    for (HostTensor tensor : tensors) {
      Path file = dir.resolve(tensor.type().displayName() + ".npy");
      Npy.write(file, tensor);
      HostTensor back = Npy.read(file);
      assertEquals(tensor, back, tensor.describe());
      long headerLength = Npy.toBytes(tensor).length - tensor.byteSize();
      assertEquals(0, headerLength % 64, "header is 64-byte aligned");
    }
  }

  @Test
  void rejectsFortranOrderUnsupportedDtypesAndTruncation() {
    InvalidInputException fortran =
        assertThrows(
            InvalidInputException.class,
            () ->
                Npy.parse(
                    handMade(
                        1, "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", new byte[4]),
                    "col.npy"));
    assertEquals(GraftErrors.MALFORMED_FILE, fortran.errorId());
    assertTrue(fortran.getMessage().contains("col.npy"), fortran.getMessage());
    assertTrue(fortran.getMessage().contains("Fortran"), fortran.getMessage());

    InvalidInputException half =
        assertThrows(
            InvalidInputException.class,
            () ->
                Npy.parse(
                    handMade(
                        1,
                        "{'descr': '<f2', 'fortran_order': False, 'shape': (1,), }",
                        new byte[2]),
                    "half.npy"));
    assertTrue(half.getMessage().contains("'<f2'"), half.getMessage());
    assertTrue(half.getMessage().contains("half.npy"), half.getMessage());

    byte[] whole = numpyFloat32Vector();
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
    InvalidInputException truncated =
        assertThrows(InvalidInputException.class, () -> Npy.parse(cut, "cut.npy"));
    assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

    InvalidInputException notNpy =
        assertThrows(
            InvalidInputException.class,
            () -> Npy.parse("hello world!".getBytes(StandardCharsets.US_ASCII), "a.txt"));
    assertTrue(notNpy.getMessage().contains("magic"), notNpy.getMessage());
  }

  @Test
  void missingFileNamesThePath() throws Exception {
    Path missing = dir.resolve("nope.npy");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Npy.read(missing));
    assertEquals(GraftErrors.FILE_NOT_READABLE, e.errorId());
    assertTrue(e.getMessage().contains(missing.toString()));
    assertTrue(Files.notExists(missing));
  }

  @Test
  void unwritableFileIsAnInvalidInputNamingTheFile() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
    Path target = notAFolder.resolve("out.npy");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> Npy.write(target, HostTensor.ofFloats(new float[] {1}, 1)));
    assertEquals(GraftErrors.FILE_NOT_WRITABLE, e.errorId());
    assertTrue(e.getMessage().contains("cannot write NumPy file " + target), e.getMessage());
  }

  @Test
  void slicesAndConcatenatesRows() {
    HostTensor tensor = HostTensor.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 3, 2);
    HostTensor head = tensor.sliceRows(0, 2);
    HostTensor tail = tensor.sliceRows(2, 3);
    assertArrayEquals(new int[] {5, 6}, tail.toIntArray());
    assertEquals(tensor, HostTensor.concat(List.of(head, tail)));
  }
}
