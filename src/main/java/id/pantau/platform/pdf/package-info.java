/**
 * Text in the PDFs Pantau prints (TIMPORA agendas and minutes, the monthly recap): one embedded Unicode font, so that
 * names such as NGUYỄN VĂN HÙNG print as written, and a visible fallback for what the font cannot show.
 */
@org.springframework.modulith.NamedInterface("pdf")
package id.pantau.platform.pdf;
