package de.sipa.reports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.shared.RuleViolationException;

/**
 * Photos citizens send with a report. Only JPEG and PNG (recognised by their content, not their name) up to
 * {@link #MAX_BYTES}; each is decoded and encoded anew, so nothing of the original file but its pixels is kept
 * (no EXIF, no GPS position, no hidden payload).
 */
@Service
@Transactional
public class ReportPhotos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Refuses decompression bombs before decoding. */
    static final long MAX_PIXELS = 40_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportPhotos(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Photo(UUID id, String contentType, byte[] data) {
    }

    /**
     * Adds a photo to a report just taken in, in the same transaction as {@link Reports#submit}.
     *
     * @throws RuleViolationException {@code report.photo.tooLarge} or {@code report.photo.invalid}
     */
    public UUID attach(ReportId report, byte[] image) {
        var photo = reencoded(image);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO reports_photo (id, report_id, content_type, data, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, report.value(), photo.contentType(), photo.data(), Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /** A photo of a report the public may see: not waiting for moderation, and approved for the public. */
    @Transactional(readOnly = true)
    public Optional<Photo> publicPhoto(UUID id) {
        return jdbc.sql("""
                SELECT p.id, p.content_type, p.data FROM reports_photo p JOIN reports_report r ON r.id = p.report_id
                WHERE p.id = ? AND r.public_id IS NOT NULL AND r.status <> 'MODERATION'
                  AND r.text_moderation = 'APPROVED'""")
                .param(id)
                .query((rs, n) -> new Photo(rs.getObject("id", UUID.class), rs.getString("content_type"),
                        rs.getBytes("data")))
                .optional();
    }

    /** Checks and re-encodes an image; the result carries a placeholder id. */
    static Photo reencoded(byte[] image) {
        if (image == null || image.length == 0) {
            throw new RuleViolationException("report.photo.invalid");
        }
        if (image.length > MAX_BYTES) {
            throw new RuleViolationException("report.photo.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        var format = sniff(image);
        if (format == null) {
            throw new RuleViolationException("report.photo.invalid");
        }
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            var readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new RuleViolationException("report.photo.invalid");
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new RuleViolationException("report.photo.invalid");
                }
                var decoded = reader.read(0);
                if ("jpeg".equals(format) && decoded.getColorModel().hasAlpha()) {
                    var rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
                    rgb.getGraphics().drawImage(decoded, 0, 0, null);
                    decoded = rgb;
                }
                var out = new ByteArrayOutputStream();
                if (!ImageIO.write(decoded, "jpeg".equals(format) ? "jpg" : "png", out)) {
                    throw new RuleViolationException("report.photo.invalid");
                }
                return new Photo(null, "jpeg".equals(format) ? "image/jpeg" : "image/png", out.toByteArray());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolationException) {
                throw (RuleViolationException) e;
            }
            throw new RuleViolationException("report.photo.invalid");
        }
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
