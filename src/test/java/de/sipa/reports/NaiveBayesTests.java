package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NaiveBayesTests {

    @Test
    void learnsFromDescriptionsAndRanksTheFittingCategoryFirst() {
        var classifier = new NaiveBayes<String>();
        classifier.learn("Laute Musik und Gegröle im Park bis drei Uhr", "laerm");
        classifier.learn("Nachbarn feiern, Musik viel zu laut", "laerm");
        classifier.learn("Scherben und Müll auf dem Spielplatz", "muell");
        classifier.learn("Sperrmüll und Abfall an der Ecke abgeladen", "muell");

        var ranked = classifier.rank("Lärm durch Musik am Pavillon");
        assertThat(ranked.get(0).category()).isEqualTo("laerm");
        assertThat(ranked.get(0).probability()).isGreaterThan(0.5);
        assertThat(ranked).extracting(NaiveBayes.Suggestion::probability)
                .satisfies(p -> assertThat(p.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                        org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(classifier.rank("Überall Müll und Scherben").get(0).category()).isEqualTo("muell");
    }

    @Test
    void wordsAreFoldedSoThatUmlautsCaseAndEndingsMatch() {
        assertThat(NaiveBayes.tokens("Die MÜLLTONNEN sind übervoll, Straße!"))
                .containsExactly("mulltonn", "ubervoll", "strass");
        assertThat(new NaiveBayes<String>().rank("irgendwas")).isEmpty();
    }
}
