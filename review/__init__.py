"""The review desk: a small web app (`baocao review`) where a person checks and corrects each
province's cells beside the pages they came from. A thin layer over the same library functions
the command line calls: the table is aggregate/'s, the corrections are corrections.toml."""
