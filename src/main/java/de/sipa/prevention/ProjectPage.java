package de.sipa.prevention;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.places.Places;
import de.sipa.reports.Categories;

/** What a project's page shows: its facts with names, the steps with their completeness, the indicators with charts. */
@Component
class ProjectPage {

    /** A Beccaria step on the project page: how many required fields are filled. */
    record StepRow(BeccariaStep step, int filled, int required, boolean complete, String qualityNote) {
    }

    /** An indicator with its values as measured and its chart. */
    record IndicatorRow(Indicator indicator, List<Measurement> measurements, IndicatorChart chart, String link) {
    }

    private final Indicators indicators;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Places places;
    private final Categories categories;
    private final PreventionProjects projects;
    private final ProjectIdeas ideas;
    private final ProjectMeetings projectMeetings;
    private final PreventionAccess access;
    private final de.sipa.surveys.SenseOfSecurity senseOfSecurity;
    private final ObjectProvider<ProjectOffers> offers;

    ProjectPage(Indicators indicators, Partnerships partnerships, Organisations organisations, Places places,
            Categories categories, PreventionProjects projects, ProjectIdeas ideas, ProjectMeetings projectMeetings,
            PreventionAccess access, de.sipa.surveys.SenseOfSecurity senseOfSecurity,
            ObjectProvider<ProjectOffers> offers) {
        this.offers = offers;
        this.senseOfSecurity = senseOfSecurity;
        this.projectMeetings = projectMeetings;
        this.access = access;
        this.projects = projects;
        this.ideas = ideas;
        this.indicators = indicators;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.places = places;
        this.categories = categories;
    }

    void fill(Model model, PreventionProject project) {
        var orgs = new java.util.HashMap<de.sipa.shared.OrganisationId, String>();
        organisations.all().forEach(o -> orgs.put(o.id(), o.name()));
        var districts = new java.util.HashMap<de.sipa.partners.DistrictId, String>();
        partnerships.districts().forEach(d -> districts.put(d.id(), d.name()));
        model.addAttribute("project", project);
        model.addAttribute("published", projects.published(project.id()));
        model.addAttribute("idea", ideas.ideaOf(project.id()).orElse(null));
        model.addAttribute("partnershipSlug", partnerships.mine().slug());
        model.addAttribute("timeline", projectMeetings.timeline(project.id()));
        model.addAttribute("agendaLinks", projectMeetings.agendaItems(project.id()));
        model.addAttribute("agendaChoices", access.mayEdit() ? projectMeetings.agendaChoices() : java.util.List.of());
        model.addAttribute("projectOffers",
                offers.orderedStream().flatMap(o -> o.offersOf(project.id()).stream()).toList());
        model.addAttribute("leadName", project.lead() == null ? null : orgs.get(project.lead()));
        model.addAttribute("partnerNames", project.partners().stream().map(orgs::get).filter(n -> n != null).toList());
        model.addAttribute("districtNames", project.districts().stream().map(districts::get).toList());
        model.addAttribute("projectPlaces", ProjectController.placesOf(project, places.places()));
        model.addAttribute("budget", Amounts.format(project.budget()));
        model.addAttribute("fundingRows", project.funding().stream()
                .map(f -> new String[] {f.source(), Amounts.format(f.amount())}).toList());
        var steps = new ArrayList<StepRow>();
        for (var step : BeccariaStep.values()) {
            var texts = project.step(step);
            steps.add(new StepRow(step, step.filled(texts), step.required(), step.complete(texts),
                    project.qualityNote(step)));
        }
        model.addAttribute("steps", steps);
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("indicators", indicatorRows(project, districts));
        model.addAttribute("sources", IndicatorSource.values());
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("categories", categories.all());
        model.addAttribute("surveyKeys", surveyKeys());
    }

    private List<String> surveyKeys() {
        try {
            return senseOfSecurity.comparableKeys();
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return List.of();
        }
    }

    List<IndicatorRow> indicatorRows(PreventionProject project,
            java.util.Map<de.sipa.partners.DistrictId, String> districts) {
        var locale = LocaleContextHolder.getLocale();
        var rows = new ArrayList<IndicatorRow>();
        for (var indicator : indicators.of(project.id())) {
            var measurements = indicators.measurements(indicator);
            String link = switch (indicator.source()) {
                case TYPED -> "";
                case REPORTS -> (indicator.category() == null ? "" : categories.get(indicator.category()).name())
                        + (indicator.district() == null ? "" : " · " + districts.get(indicator.district()));
                case CRIME_CASES, SURVEY -> indicator.district() == null ? "" : districts.get(indicator.district());
            };
            rows.add(new IndicatorRow(indicator, measurements, IndicatorChart.of(indicator, measurements, locale),
                    link.startsWith(" · ") ? link.substring(3) : link));
        }
        return rows;
    }
}
