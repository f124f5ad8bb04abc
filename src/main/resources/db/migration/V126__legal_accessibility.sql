-- The Erklärung zur Barrierefreiheit (accessibility statement, BITV 2.0 § 7) of a partnership's public pages
-- (/buerger/{slug}/barrierefreiheit), as its coordinator wrote it. NULL shows the template, which lists what SiPa's
-- public pages are known not to offer and leaves the results of the city's own review in brackets.
ALTER TABLE legal_notice ADD COLUMN accessibility TEXT CHECK (length(accessibility) <= 20000);
