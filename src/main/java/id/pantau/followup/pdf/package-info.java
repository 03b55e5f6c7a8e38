/** The follow-up's printed documents: a TIMPORA meeting's agenda and minutes as PDF, through the platform's one PDF page writer. */
package id.pantau.followup.pdf;
