package de.sipa.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.shared.ProcessingRecords;

/** The records of processing cover every table SiPa has, and the coordination reads them with the settings in force. */
@SipaIntegrationTest
class RecordsOfProcessingTests {

    @Autowired
    RecordsOfProcessing records;

    @Autowired
    List<ProcessingRecords> modules;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void everyTableOfTheDatabaseIsDescribedAndEveryDescribedTableExists() {
        var tables = new TreeSet<>(jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""").query(String.class).list());
        assertThat(records.describedTables()).as("a new table needs its entry in its module's ProcessingRecords")
                .containsAll(tables);
        assertThat(tables).as("described tables that do not exist (misspelt or dropped)")
                .containsAll(records.describedTables());
    }

    @Test
    void noTableIsDescribedAsBothPersonalAndNotAndEveryActivityHasItsTexts() throws Exception {
        var personal = new HashSet<String>();
        var other = new HashSet<String>();
        for (var module : modules) {
            module.activities().forEach(a -> personal.addAll(a.tables()));
            other.addAll(module.tablesWithoutPersonalData());
        }
        personal.retainAll(other);
        assertThat(personal).isEmpty();

        var city = fixtures.city();
        var page = mvc.perform(get("/partnership/records-of-processing").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Verzeichnis von Verarbeitungstätigkeiten",
                "Kontaktdaten 90 Tage nach dem Abschluss", "versandte Mails 90 Tage nach dem Versand gelöscht",
                "reports_report (ca. ").doesNotContain("??vvt.");
        for (var activity : records.activities()) {
            assertThat(page).contains("id=\"vvt-" + activity.key() + "\"");
        }
    }

    @Test
    void partnersDoNotReadTheRecords() throws Exception {
        var city = fixtures.city();
        mvc.perform(get("/partnership/records-of-processing").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isForbidden());
    }
}
