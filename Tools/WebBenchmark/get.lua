-- wrk script: a plain GET; counts answers that were not 2xx (see report.lua).
dofile("Tools/WebBenchmark/report.lua")
