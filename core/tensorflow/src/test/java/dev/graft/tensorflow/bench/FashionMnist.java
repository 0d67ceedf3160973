package dev.graft.tensorflow.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads the Fashion-MNIST IDX files (gzip) of the Debian package dataset-fashion-mnist. */
final class FashionMnist {

  /** Default location of the Debian package's files. */
  static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** Images scaled to [0, 1] (NHWC, 28x28x1) and labels of one split. */
  record Split(float[] images, int[] labels) {
    int size() {
      return labels.length;
    }
  }

  private FashionMnist() {}

  static Split read(Path dir, String prefix) throws IOException {
    byte[] pixels = readIdx(dir.resolve(prefix + "-images-idx3-ubyte.gz"), 2051);
    byte[] labels = readIdx(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 2049);
    float[] x = new float[pixels.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (pixels[i] & 0xff) / 255f;
    }
    int[] y = new int[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels[i];
    }
    if (x.length != y.length * 784) {
      throw new IOException(prefix + ": " + x.length + " pixels for " + y.length + " labels");
    }
    return new Split(x, y);
  }

  private static byte[] readIdx(Path file, int magic) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
      int m = in.readInt();
      if (m != magic) {
        throw new IOException(file + ": IDX magic " + m + ", expected " + magic);
      }
      int dims = magic & 0xff;
      long n = 1;
      for (int i = 0; i < dims; i++) {
        n *= in.readInt();
      }
      byte[] data = new byte[Math.toIntExact(n)];
      in.readFully(data);
      return data;
    }
  }
}
