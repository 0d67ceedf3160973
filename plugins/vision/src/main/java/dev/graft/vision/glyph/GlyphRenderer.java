package dev.graft.vision.glyph;

import dev.graft.vision.Image;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Renders one character of a font as a grayscale image, ink = 1 on a 0 background: the glyph's
 * outline is scaled so its larger side fills a drawn fraction of the canvas (keeping its aspect
 * ratio, like the NIST size normalisation), centred, shifted, rotated, filled, and optionally
 * stroked for a bolder line. Anti-aliased. Thread-safe (each call draws on its own canvas).
 */
public final class GlyphRenderer {

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final int canvas;

  /**
   * Creates a renderer.
   *
   * @param canvas the square canvas side in pixels (32 for UCI-style digits)
   */
  public GlyphRenderer(int canvas) {
    if (canvas < 4 || canvas > 1024) {
      throw new IllegalArgumentException("canvas side " + canvas + " must be 4 to 1024 pixels");
    }
    this.canvas = canvas;
  }

  /**
   * The canvas side.
   *
   * @return pixels
   */
  public int canvas() {
    return canvas;
  }

  /**
   * Whether the font has a real, non-empty glyph for the character.
   *
   * @param font the font
   * @param ch one character (one code point)
   * @return true if it can be rendered
   */
  public static boolean canRender(Font font, String ch) {
    return font.canDisplayUpTo(ch) == -1 && outline(font, ch).isPresent();
  }

  private static Optional<Shape> outline(Font font, String ch) {
    Font sized = font.deriveFont(100f);
    GlyphVector gv = sized.createGlyphVector(FRC, ch);
    if (gv.getNumGlyphs() == 0 || gv.getGlyphCode(0) == sized.getMissingGlyphCode()) {
      return Optional.empty();
    }
    Shape shape = gv.getOutline();
    Rectangle2D b = shape.getBounds2D();
    if (b.isEmpty() || b.getWidth() < 1e-3 || b.getHeight() < 1e-3) {
      return Optional.empty();
    }
    return Optional.of(shape);
  }

  /**
   * Renders a character.
   *
   * @param font the font
   * @param ch one character
   * @param style how much to vary it
   * @param seed the seed for this sample
   * @param origin the origin recorded on the image
   * @return the image, 1 channel, {@code canvas x canvas}, ink = 1
   * @throws IllegalArgumentException if the font has no glyph for the character (check {@link
   *     #canRender} first)
   */
  public Image render(Font font, String ch, GlyphAugmentation style, long seed, String origin) {
    Shape shape =
        outline(font, ch)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "font " + font.getFontName() + " has no glyph for '" + ch + "'"));
    SplittableRandom rnd = new SplittableRandom(seed);
    double size = style.minSize() + rnd.nextDouble() * (style.maxSize() - style.minSize());
    double shiftX = (rnd.nextDouble() * 2 - 1) * style.maxShift() * canvas;
    double shiftY = (rnd.nextDouble() * 2 - 1) * style.maxShift() * canvas;
    double angle = Math.toRadians((rnd.nextDouble() * 2 - 1) * style.maxRotationDegrees());
    double stroke = rnd.nextDouble() * style.maxStroke() * canvas;

    Rectangle2D b = shape.getBounds2D();
    // leave room for the stroke so a bold glyph still fits its size
    double scale = Math.max(1e-6, size * canvas - stroke) / Math.max(b.getWidth(), b.getHeight());
    AffineTransform t = new AffineTransform();
    t.translate(canvas / 2.0 + shiftX, canvas / 2.0 + shiftY);
    t.rotate(angle);
    t.scale(scale, scale);
    t.translate(-b.getCenterX(), -b.getCenterY());
    Shape placed = t.createTransformedShape(shape);

    BufferedImage img = new BufferedImage(canvas, canvas, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fill(placed);
      if (stroke > 0.05) {
        g.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(placed);
      }
    } finally {
      g.dispose();
    }
    byte[] px = new byte[canvas * canvas];
    int[] row = new int[canvas];
    for (int y = 0; y < canvas; y++) {
      img.getRaster().getSamples(0, y, canvas, 1, 0, row);
      for (int x = 0; x < canvas; x++) {
        px[y * canvas + x] = (byte) row[x];
      }
    }
    return Image.wrapBytes(canvas, canvas, 1, px, origin);
  }
}
