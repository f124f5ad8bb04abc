package de.sipa.responsibilities;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.ui.Model;

import de.sipa.partners.District;
import de.sipa.partners.Organisation;

/** Names of topics, organisations, districts and time windows by id, for the templates of this module. */
final class MatrixNames {

    private MatrixNames() {
    }

    static void addTo(Model model, Matrix matrix, List<Organisation> organisations) {
        model.addAttribute("topicNames", matrix.topics().stream().collect(Collectors.toMap(Topic::id, Topic::name)));
        model.addAttribute("organisationNames", organisations.stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name)));
        model.addAttribute("districtNames", matrix.districts().stream()
                .collect(Collectors.toMap(District::id, District::name)));
        model.addAttribute("windowNames", matrix.timeWindows().stream()
                .collect(Collectors.toMap(TimeWindow::id, TimeWindow::name)));
    }
}
