#!/usr/bin/env bash
# Accuracy of the category suggestion (naive Bayes) on held-out reports.
exec "$(dirname "$0")/java-main.sh" de.sipa.reports.CategorySuggestionBenchmark
