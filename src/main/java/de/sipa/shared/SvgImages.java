package de.sipa.shared;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * An SVG the app draws (a chart) as a PNG image, rendered by Apache Batik from the same SVG, so that both downloads
 * show the same chart. External resources are not loaded: the SVGs are the app's own and self-contained.
 */
public final class SvgImages {

    private SvgImages() {
    }

    /** The SVG as PNG of the given width in pixels; the height follows from the SVG's proportions. */
    public static byte[] png(String svg, float width) {
        var transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, width);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        var out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("The SVG could not be drawn as PNG", e);
        }
        return out.toByteArray();
    }
}
