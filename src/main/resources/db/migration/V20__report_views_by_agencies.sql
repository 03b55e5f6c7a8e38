-- TIMPORA members record their agency's view on a forwarded report from their own accounts; Kesbangpol adds the views
-- it collected at a meeting or on paper, marked so. Until now every view was typed by Kesbangpol at validation.
alter table report_agency_view add column on_paper boolean not null default false;
update report_agency_view set on_paper = true;
