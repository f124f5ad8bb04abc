package de.sipa.meetings.oparl;

import java.util.UUID;

/** The URLs of one partnership's OParl objects; they are the objects' ids, so they never change. */
record OparlUrls(String system, String slug) {

    String bodies() {
        return system + "/bodies";
    }

    String body() {
        return bodies() + "/" + slug;
    }

    String list(String kind) {
        return body() + "/" + kind;
    }

    String object(String kind, UUID id) {
        return list(kind) + "/" + id;
    }
}
