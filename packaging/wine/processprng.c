/*
 * bcryptprimitives.dll for Wine 8 (Debian 12), for the test harness only:
 * never shipped. Go 1.22 and later get their random bytes from
 * ProcessPrng, which Wine added in 8.13; without it no Go program starts.
 * This exports ProcessPrng over RtlGenRandom (advapi32's SystemFunction036),
 * which Wine 8 has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
