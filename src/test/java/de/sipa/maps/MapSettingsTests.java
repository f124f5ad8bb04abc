package de.sipa.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapSettingsTests {

    @Test
    void theTileOriginIsTheSchemeHostAndPortOfTheTileUrl() {
        assertThat(settings("https://tile.openstreetmap.org/{z}/{x}/{y}.png").tileOrigin())
                .isEqualTo("https://tile.openstreetmap.org");
        assertThat(settings("http://127.0.0.1:8123/tiles/{z}/{x}/{y}.png").tileOrigin())
                .isEqualTo("http://127.0.0.1:8123");
    }

    @Test
    void subdomainsOfATileUrlWithSAreAllAdmitted() {
        assertThat(settings("https://{s}.tile.example.org/{z}/{x}/{y}.png").tileOrigin())
                .isEqualTo("https://*.tile.example.org");
    }

    @Test
    void aTileUrlWithoutItsPlaceholdersOrNotHttpIsRefusedAtStart() {
        assertThatThrownBy(() -> settings("https://tile.example.org/tiles.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sipa.map.tile-url");
        assertThatThrownBy(() -> settings("ftp://tile.example.org/{z}/{x}/{y}.png"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAddressSearchIsOffWithoutAGeocoder() {
        assertThat(settings("https://t.example/{z}/{x}/{y}.png").geocoderEnabled()).isFalse();
        assertThat(new MapSettings("https://t.example/{z}/{x}/{y}.png", "", " https://geo.example/ ").geocoderUrl())
                .isEqualTo("https://geo.example");
    }

    private static MapSettings settings(String tileUrl) {
        return new MapSettings(tileUrl, "&copy; OpenStreetMap", "");
    }
}
