package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImagesTests {

    @Test
    void aLargePhotoIsDecodedSubsampledAndStoredWithinTheBox() throws Exception {
        // 48 megapixels of one grey: about 50 KB as PNG, 48 MB once decoded at full size.
        var png = png(8000, 6000, 6000);

        var stored = Images.reencoded(png, 6 * 1024 * 1024, 2048, 2048, "report.photo");

        var result = ImageIO.read(new ByteArrayInputStream(stored.data()));
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(result.getWidth()).isEqualTo(2048);
        assertThat(result.getHeight()).isEqualTo(1536);
    }

    @Test
    void anImageClaimingMoreThanFiftyMegapixelsIsRefusedBeforeDecoding() {
        // 100,000 × 100,000 pixels in the header, 60 bytes in all: a decompression bomb's first step.
        var bomb = png(100_000, 100_000, 0);
        assertThatThrownBy(() -> Images.reencoded(bomb, 6 * 1024 * 1024, 2048, 2048, "report.photo"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("report.photo.invalid");
    }

    @Test
    void whatIsNotJpegOrPngByItsContentIsRefused() {
        var gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Images.reencoded(gif, 1024, 100, 100, "partnership.logo"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("partnership.logo.invalid");
    }

    /** A greyscale PNG with the given size in its header and the given number of black rows of image data. */
    private static byte[] png(int width, int height, int rows) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        var compressed = new ByteArrayOutputStream();
        try (var deflated = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_SPEED))) {
            var row = new byte[width + 1]; // filter type 0, then one byte per pixel
            for (int i = 0; i < rows; i++) {
                deflated.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
