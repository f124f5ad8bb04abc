package de.sipa.networks;

import java.util.List;

/** A seat at the network's round table: a member town, represented by its coordinators. */
public record RoundTableMember(String town, List<String> coordinators) {
}
