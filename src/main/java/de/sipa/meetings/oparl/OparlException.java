package de.sipa.meetings.oparl;

/** A client's mistake in an OParl request, answered with 400 and the message. */
class OparlException extends RuntimeException {

    OparlException(String message) {
        super(message);
    }
}
