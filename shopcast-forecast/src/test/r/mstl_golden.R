# Golden values for MstlTest: R's forecast::mstl and forecast.mstl on M4 series H1
# (shopcast-testkit fixtures/m4/Hourly-train-head5.csv). Run from the checkout root:
#   Rscript shopcast-forecast/src/test/r/mstl_golden.R
# Writes shopcast-forecast/src/test/resources/org/shopcast/forecast/mstl/h1-mstl.csv
# (decomposition) and h1-forecast.csv (h = 48, STL + naive and STL + ETS(ZZN), 95% bounds).
suppressMessages(library(forecast))
tr <- read.csv("shopcast-testkit/src/main/resources/fixtures/m4/Hourly-train-head5.csv",
               header = TRUE, stringsAsFactors = FALSE)
row <- tr[tr$V1 == "H1", -1]
y <- as.numeric(row[1, ])
y <- y[!is.na(y)]
x <- msts(y, seasonal.periods = c(24, 168))
fit <- mstl(x)  # iterate = 2, s.window = 7 + 4 * (1:2) = 11, 15, robust = FALSE
out <- "shopcast-forecast/src/test/resources/org/shopcast/forecast/mstl/"
hdr <- sprintf("# R %s, forecast %s, %s: mstl(msts(H1, seasonal.periods = c(24, 168)))",
               getRversion(), packageVersion("forecast"), Sys.Date())
d <- data.frame(data = fit[, "Data"], trend = fit[, "Trend"], seasonal24 = fit[, "Seasonal24"],
                seasonal168 = fit[, "Seasonal168"], remainder = fit[, "Remainder"])
con <- file(paste0(out, "h1-mstl.csv"), "w")
writeLines(hdr, con)
write.csv(format(d, digits = 12), con, row.names = FALSE, quote = FALSE)
close(con)
fn <- forecast(fit, method = "naive", h = 48, level = 95)
fe <- forecast(fit, method = "ets", h = 48, level = 95)
f <- data.frame(naive = fn$mean, naive_lo = fn$lower[, 1], naive_hi = fn$upper[, 1],
                ets = fe$mean, ets_lo = fe$lower[, 1], ets_hi = fe$upper[, 1])
con <- file(paste0(out, "h1-forecast.csv"), "w")
writeLines(paste0(hdr, "; forecast(fit, method = 'naive' | 'ets', h = 48, level = 95), ets: ",
                  fe$method), con)
write.csv(format(f, digits = 12), con, row.names = FALSE, quote = FALSE)
close(con)
