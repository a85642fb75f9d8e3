package io.backstop.pricing.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code ./backstop price} and {@code ./backstop implied-vol}. */
public final class PricingCommandLine {

    static final String USAGE = String.join("\n",
            "usage: backstop price        < options.csv  > prices.csv",
            "       backstop implied-vol  < prices.csv   > vols.csv",
            "",
            "price        reads  type,spot,strike,expiry,rate,dividend,vol",
            "             writes those columns then price,delta,gamma,vega,theta,rho,vanna,volga,error",
            "implied-vol  reads  type,spot,strike,expiry,rate,dividend,price",
            "             writes those columns then implied_vol,error",
            "",
            "type is call or put; expiry in years; rate, dividend and vol per 1.00 (0.05 is 5%).",
            "vega per 1.00 of vol, theta per year of calendar time, rho per 1.00 of rate.",
            "A bad row gets its message in error and the other rows still go through; exit status 2 then.");

    private PricingCommandLine() {
    }

    /**
     * Runs a command on standard input and output and exits with its status.
     *
     * @param args the command name
     */
    public static void main(String[] args) throws IOException {
        InputStream in = new FileInputStream(FileDescriptor.in);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        System.exit(run(args, in, out, System.err));
    }

    static int run(String[] args, InputStream in, OutputStream out, PrintStream err) throws IOException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.write((USAGE + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return CsvPricingCommand.OK;
        }
        if (args.length != 1) {
            err.println(USAGE);
            return CsvPricingCommand.BAD_INPUT;
        }
        switch (args[0]) {
            case "price":
                return new PriceCommand().run(in, out, err);
            case "implied-vol":
                return new ImpliedVolCommand().run(in, out, err);
            default:
                err.println("unknown command '" + args[0] + "'\n" + USAGE);
                return CsvPricingCommand.BAD_INPUT;
        }
    }
}
