package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.DemoIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.places.WeightedDisplacementQuotient.Reading;

/**
 * Musterstadt's places as the demo loads them: the Palastgarten's reports dropped
 * against the comparison area, the underpass's problems moved to the street next to it (negative WDQ), and the
 * Neckarblick estate is a hotspot but no place.
 */
@DemoIntegrationTest
class PlacesDemoTests {

    @Autowired
    Partnerships partnerships;

    @Autowired
    Places places;

    @Autowired
    PlaceEffects effects;

    @Test
    void thePalastgartenShowsARealDropAndTheUnderpassDisplacementAndTheEstateIsNoPlace() {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(musterstadt), () -> {
            var all = places.places();
            var garden = all.stream().filter(p -> p.name().equals(PlacesDemo.PALASTGARTEN)).findFirst().orElseThrow();
            var underpass = all.stream().filter(p -> p.name().equals(PlacesDemo.UNDERPASS)).findFirst().orElseThrow();
            assertThat(garden.status()).isEqualTo(PlaceStatus.MEASURES_RUNNING);
            assertThat(garden.shape().area().contains(48.7818, 9.1832)).isTrue();

            var gardenEffect = effects.evaluate(garden.id());
            System.out.printf("Palastgarten: place %s buffer %s comparison %s ratio %s WDQ %s %s%n",
                    gardenEffect.place(), gardenEffect.buffer(), gardenEffect.comparison(),
                    gardenEffect.difference().ratio(), gardenEffect.displacement().value(),
                    gardenEffect.displacement().reading());
            assertThat(gardenEffect.enoughCases()).isTrue();
            assertThat(gardenEffect.place().after()).isLessThan(gardenEffect.place().before() * 3 / 4);
            assertThat(gardenEffect.difference().ratio()).isLessThan(0.8);

            var underpassEffect = effects.evaluate(underpass.id());
            System.out.printf("Underpass: place %s buffer %s comparison %s ratio %s WDQ %s %s%n",
                    underpassEffect.place(), underpassEffect.buffer(), underpassEffect.comparison(),
                    underpassEffect.difference().ratio(), underpassEffect.displacement().value(),
                    underpassEffect.displacement().reading());
            assertThat(underpassEffect.enoughCases()).isTrue();
            assertThat(underpassEffect.buffer().after()).isGreaterThan(underpassEffect.buffer().before());
            assertThat(underpassEffect.displacement().value()).isNegative();
            assertThat(underpassEffect.displacement().reading())
                    .isIn(Reading.DISPLACEMENT, Reading.DISPLACEMENT_GREATER_THAN_EFFECT);

            assertThat(all).noneMatch(p -> p.shape().area().contains(48.7625, 9.2455));
            return null;
        });
    }
}
