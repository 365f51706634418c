using System.CommandLine;
using System.Globalization;
using Crosscheck.Access;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// <c>crosscheck users add NAME --role reader|analyst|admin | list | remove NAME [--db FILE]</c>: the accounts of a
/// database's web app. A key is printed once, when its account is made; the database keeps only its hash.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("users", "Manage the accounts that may read and change a database through 'crosscheck serve'");
        command.Subcommands.Add(Add(stdout));
        command.Subcommands.Add(List(stdout));
        command.Subcommands.Add(Remove(stdout));
        return command;
    }

    private static Command Add(TextWriter stdout)
    {
        var name = NameArgument("The new account's name: letters, digits, '.', '_' and '-'");
        var role = new Option<string>("--role")
        {
            Description = "reader: reads pages and the API; analyst: also changes the record; admin: everything an analyst may",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. Enum.GetValues<Role>().Select(Roles.Name)]);
        var db = SharedOptions.Database();
        var command = new Command("add", "Add an account and print its key, once (only the key's hash is stored)") { name, role, db };
        command.SetAction(parse =>
        {
            var user = parse.GetValue(name)!;
            Roles.TryParse(parse.GetValue(role), out var chosen);
            using var store = IngestCommand.OpenStore(parse.GetValue(db)!);
            var (account, key) = AddUser(store, user, chosen);
            stdout.WriteLine($"Added {Roles.Name(account.Role)} '{account.Name}'. The key, shown only this once (send it as 'Authorization: Bearer KEY' or sign in at /login):");
            stdout.WriteLine(key);
            return CrosscheckCli.Ok;
        });
        return command;
    }

    /// <summary>Adds an account with a new key; a name already there is one line, exit code 1.</summary>
    internal static (UserAccount Account, string Key) AddUser(DocumentStore store, string name, Role role)
    {
        var key = AccessKey.New();
        var account = store.AddUser(name, role, AccessKey.Hash(key))
            ?? throw new CliFailure($"users add: a user named '{name}' exists already (remove it first or choose another name)");
        return (account, key);
    }

    private static Command List(TextWriter stdout)
    {
        var db = SharedOptions.Database();
        var command = new Command("list", "List the accounts: name, role and when each was added") { db };
        command.SetAction(parse =>
        {
            using var store = OpenExisting(parse.GetValue(db)!);
            var users = store.Users();
            if (users.Count == 0)
            {
                stdout.WriteLine("No users (add one with 'crosscheck users add NAME --role reader|analyst|admin').");
                return CrosscheckCli.Ok;
            }
            var width = Math.Max(4, users.Max(u => u.Name.Length));
            stdout.WriteLine($"{"name".PadRight(width)}  {"role",-7}  added");
            foreach (var u in users)
            {
                stdout.WriteLine($"{u.Name.PadRight(width)}  {Roles.Name(u.Role),-7}  {u.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
            }
            return CrosscheckCli.Ok;
        });
        return command;
    }

    private static Command Remove(TextWriter stdout)
    {
        var name = NameArgument("The account to remove; its key and its sessions stop working at once");
        var db = SharedOptions.Database();
        var command = new Command("remove", "Remove an account") { name, db };
        command.SetAction(parse =>
        {
            var user = parse.GetValue(name)!;
            using var store = OpenExisting(parse.GetValue(db)!);
            if (!store.RemoveUser(user)) throw new CliFailure($"users remove: there is no user named '{user}'");
            stdout.WriteLine($"Removed '{user}'.");
            return CrosscheckCli.Ok;
        });
        return command;
    }

    private static Argument<string> NameArgument(string description)
    {
        var name = new Argument<string>("NAME") { Description = description };
        name.Validators.Add(result =>
        {
            if (UserNames.Problem(result.GetValueOrDefault<string>()) is { } problem) result.AddError(problem);
        });
        return name;
    }

    private static DocumentStore OpenExisting(string path) => IngestCommand.OpenExisting(path, "'crosscheck ingest' or 'crosscheck users add'");
}
