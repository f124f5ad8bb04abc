package de.sipa.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data.
 *
 * @param directory data directory; survives restarts unless {@code clean} is set
 * @param port TCP port on loopback, 0 for any free one
 * @param clean start from an empty directory (tests)
 * @param durable write every commit to disk before acknowledging it ({@code fsync}, {@code synchronous_commit},
 *        {@code full_page_writes} on), so a power loss loses no acknowledged report; tests turn it off for speed
 * @param embeddedInProduction whether the profile {@code prod} may run on the embedded database (a small town's
 *        single server may; an installation meant for several instances or a managed database must not by mistake)
 */
@ConfigurationProperties("sipa.database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") Path directory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean clean,
        @DefaultValue("true") boolean durable,
        @DefaultValue("false") boolean embeddedInProduction) {
}
