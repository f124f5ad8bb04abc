package de.sipa.reports.open311;

import org.springframework.http.MediaType;

/** The two formats of GeoReport v2; the URL's extension chooses, never the Accept header. */
enum Open311Format {
    JSON(MediaType.parseMediaType("application/json;charset=UTF-8")),
    XML(MediaType.parseMediaType("text/xml;charset=UTF-8"));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format of an extension; an unknown one is answered in JSON with an error. */
    static Open311Format of(String extension) {
        if ("xml".equalsIgnoreCase(extension)) {
            return XML;
        }
        if ("json".equalsIgnoreCase(extension)) {
            return JSON;
        }
        throw new Open311Exception(404, "Unknown format '" + extension + "': use .json or .xml");
    }

    /** The format a path asks for, for errors raised before a controller knows it. */
    static Open311Format ofPath(String path) {
        return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? XML : JSON;
    }
}
