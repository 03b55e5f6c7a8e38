/** The dashboard's printed documents: the monthly recap as PDF, through the platform's one PDF page writer. */
package id.pantau.dashboard.pdf;
