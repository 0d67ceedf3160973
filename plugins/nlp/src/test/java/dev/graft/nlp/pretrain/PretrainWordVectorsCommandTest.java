package dev.graft.nlp.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.nlp.embed.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainWordVectorsCommandTest {

  @TempDir Path temp;

  private static int run(StringWriter out, StringWriter err, String... args) {
    return new PretrainWordVectorsCommand()
        .execute(List.of(args), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void writesWord2vecVectorsFromTextFilesAndFortunes() throws IOException {
    String[] words = {
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
      "lambda", "mu"
    };
    SplittableRandom rnd = new SplittableRandom(3);
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < 200; p++) {
      for (int w = 0; w < 10; w++) {
        text.append(words[rnd.nextInt(words.length)]).append(' ');
      }
      text.append("\n\n");
    }
    text.append(text); // every paragraph twice: duplicates are counted and left out
    Path corpus = Files.writeString(temp.resolve("corpus.txt"), text);
    Path fortunes = Files.createDirectories(temp.resolve("fortunes"));
    Files.writeString(fortunes.resolve("misc"), "alpha beta gamma\n%\ndelta epsilon\n%\n");
    Path out = temp.resolve("v.txt");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        run(
            o,
            e,
            "--text",
            corpus.toString(),
            "--fortunes",
            fortunes.toString(),
            "--dimension",
            "8",
            "--epochs",
            "1",
            "--min-count",
            "1",
            "--out",
            out.toString());
    assertEquals(0, code, e.toString());
    assertTrue(o.toString().contains("200 duplicate texts left out"), o.toString());
    WordVectors v = WordVectors.read(out);
    assertEquals(8, v.dimension());
    assertEquals(12, v.size());
    assertTrue(Files.readString(out).startsWith("12 8\n"));
  }

  @Test
  void noTextIsAnErrorAndATinyCorpusIsRejected() throws IOException {
    StringWriter e = new StringWriter();
    assertEquals(1, run(new StringWriter(), e, "--out", temp.resolve("v.txt").toString()));
    assertTrue(e.toString().contains("--fortunes"), e.toString());
    Path tiny = Files.writeString(temp.resolve("t.txt"), "a few words only");
    StringWriter e2 = new StringWriter();
    assertEquals(
        1,
        run(
            new StringWriter(),
            e2,
            "--text",
            tiny.toString(),
            "--out",
            temp.resolve("v.txt").toString()));
    assertTrue(e2.toString().contains("NLP-EMBED-001"), e2.toString());
  }
}
