using Crosscheck.Cli;

return CrosscheckCli.Run(args);
