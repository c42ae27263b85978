# Golden values for ArimaTest's AutoARIMA tests: R's forecast::auto.arima with its defaults on
# datasets shipped with R (AirPassengers, Nile: n <= 150 and m <= 12, so R fits every candidate
# by CSS-ML, as Shopcast's AutoArima does by default) and with approximation = TRUE (CSS search,
# then the best refitted by CSS-ML). Run: Rscript shopcast-forecast/src/test/r/autoarima_golden.R
suppressMessages(library(forecast))
cat(sprintf("# R %s, forecast %s, %s\n", getRversion(), packageVersion("forecast"), Sys.Date()))
show <- function(call, fit, h) {
  cat(call, "\n  ", as.character(fit), "\n  coef:", format(coef(fit), digits = 10),
      "\n  loglik:", format(fit$loglik, digits = 10), " aicc:", format(fit$aicc, digits = 10),
      " sigma2:", format(fit$sigma2, digits = 10), "\n")
  if (h > 0) cat("  forecast:", format(forecast(fit, h = h)$mean, digits = 10), "\n")
}
show("auto.arima(AirPassengers)", auto.arima(AirPassengers), 12)
show("auto.arima(Nile)", auto.arima(Nile), 3)
show("auto.arima(log(AirPassengers))", auto.arima(log(AirPassengers)), 3)
show("auto.arima(AirPassengers, approximation = TRUE)",
     auto.arima(AirPassengers, approximation = TRUE), 3)
