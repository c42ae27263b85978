# Golden values for EtsTest.startIsRsBitForBit: R's starting state for forecast::ets on M4 series H4
# (shopcast-testkit fixtures/m4/Hourly-train-head5.csv, 700 hourly values), printed with 17
# significant digits so that the test can compare doubles exactly. Run from the checkout root:
#   Rscript shopcast-forecast/src/test/r/ets_initstate_golden.R
# Writes shopcast-forecast/src/test/resources/org/shopcast/forecast/ets/h4-ets-initstate.csv: one
# row per trend/season type (l, b when trended, s0..s22 when seasonal), as forecast:::initstate.
suppressMessages(library(forecast))
tr <- read.csv("shopcast-testkit/src/main/resources/fixtures/m4/Hourly-train-head5.csv",
               header = TRUE, stringsAsFactors = FALSE)
row <- tr[tr$V1 == "H4", -1]
y <- as.numeric(row[1, ])
y <- ts(y[!is.na(y)], frequency = 24)
out <- "shopcast-forecast/src/test/resources/org/shopcast/forecast/ets/h4-ets-initstate.csv"
con <- file(out, "w")
writeLines(sprintf("# R %s, forecast %s, %s: forecast:::initstate(ts(H4, frequency = 24), trend, season)",
                   getRversion(), packageVersion("forecast"), Sys.Date()), con)
writeLines("trend,season,values...", con)
for (tt in c("N", "A")) for (st in c("N", "A", "M")) {
  s <- forecast:::initstate(y, tt, st)
  writeLines(paste(c(tt, st, sprintf("%.17g", s)), collapse = ","), con)
}
close(con)
