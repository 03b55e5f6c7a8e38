package id.pantau.identity;

/** The agency a user works for; TIMPORA members record their agency's view on cases. */
public enum Agency {

	PEMERINTAH_OHOI, BPMPD, KESBANGPOL, IMIGRASI, POLRES, KODIM, LANAL, KEJAKSAAN, DISNAKER, DUKCAPIL, BIN_DAERAH,
	PEMERINTAH_KOTA, LAINNYA
}
