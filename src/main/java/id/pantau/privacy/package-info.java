/**
 * Duties of UU 27/2022 (PDP) that span every module: retention (data past its period is anonymised or erased, and the
 * erasure audited), the data-subject export (everything held on one person and who accessed it) and the breach query
 * (whose records a user or API client touched between two times). These duties reach every table that holds personal
 * data, so this module reads and changes them with SQL rather than through each module's API; the tables it touches
 * are named in each class, and a new table with personal data must be added there.
 */
package id.pantau.privacy;
