package de.sipa.shared;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * Images users upload (report photos, a partnership's logo): only JPEG and PNG, recognised by their content, not
 * their name; each is decoded and encoded anew, so nothing of the original file but its pixels is kept (no EXIF, no
 * GPS position, no hidden payload).
 */
public final class Images {

    /**
     * Refuses decompression bombs before decoding: a few hundred kilobytes of PNG can claim any size. 50 million
     * pixels admit every phone camera's full resolution.
     */
    static final long MAX_PIXELS = 50_000_000L;

    /**
     * Decoding is the one costly step (hundreds of megabytes for a large image at full size): at most as many at
     * once as the machine has cores; an upload that waits longer than {@link #WAIT_SECONDS} is refused as busy.
     */
    private static final Semaphore DECODING = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    static final int WAIT_SECONDS = 20;

    /** A checked image, ready to store. */
    public record Image(String contentType, byte[] data) {
    }

    private Images() {
    }

    /**
     * Checks and re-encodes an image in its own format, scaled down (keeping its proportions) to fit the given box.
     *
     * @param messages the prefix of the refusals' message keys: {@code <messages>.invalid},
     *        {@code <messages>.tooLarge} (with the limit in MB as argument) and {@code <messages>.busy}
     * @throws RuleViolationException when the image is empty, too large, not JPEG/PNG or cannot be decoded
     */
    public static Image reencoded(byte[] image, int maxBytes, int maxWidth, int maxHeight, String messages) {
        if (image == null || image.length == 0) {
            throw invalid(messages);
        }
        if (image.length > maxBytes) {
            throw new RuleViolationException(messages + ".tooLarge", Math.max(1, maxBytes / (1024 * 1024)));
        }
        var format = sniff(image);
        if (format == null) {
            throw invalid(messages);
        }
        try {
            if (!DECODING.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new RuleViolationException(messages + ".busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleViolationException(messages + ".busy");
        }
        try {
            return decodedAndEncoded(image, format, maxWidth, maxHeight, messages);
        } finally {
            DECODING.release();
        }
    }

    private static Image decodedAndEncoded(byte[] image, String format, int maxWidth, int maxHeight, String messages) {
        boolean jpeg = "jpeg".equals(format);
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            var readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw invalid(messages);
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw invalid(messages);
                }
                // Every n-th pixel only, while the result still covers the box: a 48-megapixel photo for a
                // 2,048-pixel box is decoded at a quarter of its pixels, and scaled smoothly from there.
                var param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(width / maxWidth, height / maxHeight));
                param.setSourceSubsampling(step, step, 0, 0);
                var decoded = fitted(reader.read(0, param), maxWidth, maxHeight, jpeg);
                var out = new ByteArrayOutputStream();
                if (!ImageIO.write(decoded, jpeg ? "jpg" : "png", out)) {
                    throw invalid(messages);
                }
                return new Image(jpeg ? "image/jpeg" : "image/png", out.toByteArray());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolationException) {
                throw (RuleViolationException) e;
            }
            throw invalid(messages);
        }
    }

    private static RuleViolationException invalid(String messages) {
        return new RuleViolationException(messages + ".invalid");
    }

    /** Scales down into the box if needed; JPEG has no alpha channel, so its pixels are drawn onto plain RGB. */
    private static BufferedImage fitted(BufferedImage decoded, int maxWidth, int maxHeight, boolean jpeg) {
        double scale = Math.min(1,
                Math.min((double) maxWidth / decoded.getWidth(), (double) maxHeight / decoded.getHeight()));
        boolean dropAlpha = jpeg && decoded.getColorModel().hasAlpha();
        if (scale == 1 && !dropAlpha) {
            return decoded;
        }
        int width = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
        var target = new BufferedImage(width, height, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        var graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(decoded, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static String sniff(byte[] data) {
        if (data.length > 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (data.length > png.length) {
            for (int i = 0; i < png.length; i++) {
                if (data[i] != png[i]) {
                    return null;
                }
            }
            return "png";
        }
        return null;
    }
}
