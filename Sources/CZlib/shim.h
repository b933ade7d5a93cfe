/* zlib, for the PDF content streams Lastmile deflates itself (PDFWriter's vector prefix). */
#include <zlib.h>
