package de.sipa.reports;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the contact point's day figures (V122) in the installation's time zone ({@code sipa.time-zone}): their days
 * are local days, so they are counted again when the setting changed. Before the web server takes requests.
 */
@Component
class FiguresZone implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FiguresZone.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    FiguresZone(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var zone = clock.getZone().getId();
        var kept = jdbc.sql("SELECT zone FROM reports_figures_zone").query(String.class).single();
        if (!kept.equals(zone)) {
            log.info("The contact point's figures are kept in {}, SiPa runs in {}: counting them again", kept, zone);
            jdbc.sql("SELECT reports_figures_rebuild(?)").param(zone).query((rs, n) -> n).list();
        }
    }
}
