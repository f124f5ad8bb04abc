package de.sipa.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import de.sipa.responsibilities.TopicId;

/**
 * What a category must be to be offered: a code an Open311 client can send back (lower-case letters, digits,
 * {@code -} and {@code _}, unique per partnership, checked by {@link Categories}), a name, a deadline of 1 to 60
 * working days, a topic of the partnership's matrix (or none), and questions with distinct codes whose lists have
 * values. Each problem names the form field it belongs to.
 */
final class CategoryRules {

    static final int MAX_CODE = 40;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 1000;
    static final int MAX_QUESTION = 300;
    static final int MAX_CHOICE_NAME = 200;
    static final int MAX_ATTRIBUTES = 20;
    static final int MAX_CHOICES = 50;
    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 60;
    /** Also what attribute codes and list keys look like: they travel in {@code attribute[code]=key,key}. */
    static final Pattern CODE = Pattern.compile("[a-z0-9]+([-_][a-z0-9]+)*");

    /** A broken rule: the form field ({@code attributes[1].choices}), the message key and its arguments. */
    record Problem(String field, String key, Object... arguments) {
    }

    private CategoryRules() {
    }

    /** The problems of the category, in the order of the form; none if it may be saved. */
    static List<Problem> check(Category category, Collection<TopicId> topics) {
        var problems = new ArrayList<Problem>();
        code(problems, "code", category.code(), "category.code");
        if (blank(category.name())) {
            problems.add(new Problem("name", "category.name.required"));
        } else if (category.name().length() > MAX_NAME) {
            problems.add(new Problem("name", "category.tooLong", MAX_NAME));
        }
        if (category.description() != null && category.description().length() > MAX_TEXT) {
            problems.add(new Problem("description", "category.tooLong", MAX_TEXT));
        }
        if (category.topic() != null && !topics.contains(category.topic())) {
            problems.add(new Problem("topicId", "category.topic.unknown"));
        }
        if (category.serviceLevelDays() < MIN_DAYS || category.serviceLevelDays() > MAX_DAYS) {
            problems.add(new Problem("serviceLevelDays", "category.serviceLevelDays.range", MIN_DAYS, MAX_DAYS));
        }
        if (category.keywords() != null && category.keywords().length() > MAX_TEXT) {
            problems.add(new Problem("keywords", "category.tooLong", MAX_TEXT));
        }
        if (category.attributes().size() > MAX_ATTRIBUTES) {
            problems.add(new Problem("attributes", "category.attributes.tooMany", MAX_ATTRIBUTES));
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < category.attributes().size(); i++) {
            var attribute = category.attributes().get(i);
            var field = "attributes[" + i + "].";
            if (code(problems, field + "code", attribute.code(), "category.attribute.code")
                    && !codes.add(attribute.code())) {
                problems.add(new Problem(field + "code", "category.attribute.code.twice", attribute.code()));
            }
            if (attribute.type() == null) {
                problems.add(new Problem(field + "type", "category.attribute.type.required"));
            }
            if (blank(attribute.description())) {
                problems.add(new Problem(field + "description", "category.attribute.description.required"));
            } else if (attribute.description().length() > MAX_QUESTION) {
                problems.add(new Problem(field + "description", "category.tooLong", MAX_QUESTION));
            }
            choices(problems, field + "choices", attribute);
        }
        return problems;
    }

    private static boolean code(List<Problem> problems, String field, String code, String key) {
        if (blank(code)) {
            problems.add(new Problem(field, key + ".required"));
            return false;
        }
        if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
            problems.add(new Problem(field, key + ".invalid", MAX_CODE));
            return false;
        }
        return true;
    }

    private static void choices(List<Problem> problems, String field, CategoryAttribute attribute) {
        var list = attribute.type() == AttributeType.SINGLEVALUELIST || attribute.type() == AttributeType.MULTIVALUELIST;
        if (!list) {
            if (!attribute.choices().isEmpty()) {
                problems.add(new Problem(field, "category.attribute.choices.notAList"));
            }
            return;
        }
        if (attribute.choices().isEmpty()) {
            problems.add(new Problem(field, "category.attribute.choices.required"));
            return;
        }
        if (attribute.choices().size() > MAX_CHOICES) {
            problems.add(new Problem(field, "category.attribute.choices.tooMany", MAX_CHOICES));
            return;
        }
        var keys = new HashSet<String>();
        for (var choice : attribute.choices()) {
            if (blank(choice.key()) || choice.key().length() > MAX_CODE || !CODE.matcher(choice.key()).matches()) {
                problems.add(new Problem(field, "category.attribute.choice.key.invalid", choice.key(), MAX_CODE));
                return;
            }
            if (!keys.add(choice.key())) {
                problems.add(new Problem(field, "category.attribute.choice.key.twice", choice.key()));
                return;
            }
            if (blank(choice.name()) || choice.name().length() > MAX_CHOICE_NAME) {
                problems.add(new Problem(field, "category.attribute.choice.name.invalid", choice.key(), MAX_CHOICE_NAME));
                return;
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
