package de.sipa.maps;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Hands the map settings to every page, for the map fragment ({@code fragments/map.html}). */
@ControllerAdvice
@EnableConfigurationProperties(MapSettings.class)
class MapModel {

    private final MapSettings settings;

    MapModel(MapSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("mapSettings")
    MapSettings mapSettings() {
        return settings;
    }
}
