/**
 * Duties of UU 27/2022 (PDP) that span every module: retention (data past its period is anonymised or erased, and the
 * erasure audited), the data-subject export (everything held on one person and who accessed it) and the breach query
 * (whose records a user or API client touched between two times). It owns no table: each module that holds personal
 * data erases, anonymises and exports its own through its {@code *PersonalData} API ({@code RegistryPersonalData},
 * {@code CrossingPersonalData}, {@code ReportPersonalData}, {@code MatchingPersonalData}), in this module's
 * transaction; which record names which person, and the audit trail, are read through the owners' read models. A new
 * table with personal data is added to its owner's {@code *PersonalData}.
 */
package id.pantau.privacy;
