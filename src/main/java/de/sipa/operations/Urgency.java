package de.sipa.operations;

/** How soon the asking organisation needs the answer; labels in messages ({@code urgentRequest.urgency.*}). */
public enum Urgency {
    IMMEDIATE,
    WITHIN_HOUR,
    TODAY
}
