package de.sipa.meetings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a meeting may carry: PDF, office documents and images. Recognised by the name's extension and
 * checked against the file's first bytes, so that a renamed program is refused.
 */
enum MaterialType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F'}, "pdf"),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "png"),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
    OFFICE_OPEN_XML("application/octet-stream", new byte[] {'P', 'K', 3, 4}, "docx", "xlsx", "pptx", "odt", "ods", "odp"),
    OFFICE_LEGACY("application/octet-stream", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "doc", "xls",
            "ppt");

    private final String contentType;
    private final byte[] signature;
    private final String[] extensions;

    MaterialType(String contentType, byte[] signature, String... extensions) {
        this.contentType = contentType;
        this.signature = signature;
        this.extensions = extensions;
    }

    String contentType() {
        return contentType;
    }

    static Optional<MaterialType> of(String fileName, byte[] content) {
        var dot = fileName.lastIndexOf('.');
        var extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> Arrays.asList(type.extensions).contains(extension))
                .filter(type -> content.length >= type.signature.length
                        && Arrays.equals(content, 0, type.signature.length, type.signature, 0, type.signature.length))
                .findFirst();
    }
}
