using BareMetal.Ironic.Versioning;
using FluentValidation;

namespace BareMetal.Ironic;

/// <summary>Validates <see cref="IronicClientOptions"/>. Messages name the setting, never its value: some hold secrets.</summary>
internal sealed class IronicClientOptionsValidator : AbstractValidator<IronicClientOptions>
{
    /// <summary>Creates the validator.</summary>
    public IronicClientOptionsValidator()
    {
        RuleFor(o => o.Endpoint).Must(BeAHttpUrlWithoutCredentials!).When(o => o.Endpoint is not null)
            .WithMessage("Endpoint must be an absolute http(s) URL without credentials, query or fragment.");
        RuleFor(o => o.Endpoint).NotNull().When(o => o.Auth.Type != IronicAuthType.Keystone)
            .WithMessage("Endpoint is required unless Keystone auth is used (then the catalog supplies it).");
        RuleFor(o => o.MinimumApiVersion).Must(BeAVersion).WithMessage("MinimumApiVersion must look like 1.38.");
        RuleFor(o => o.MaximumApiVersion).Must(BeAVersion).WithMessage("MaximumApiVersion must look like 1.82.");
        RuleFor(o => o).Must(o => ApiVersion.Parse(o.MinimumApiVersion) <= ApiVersion.Parse(o.MaximumApiVersion))
            .When(o => BeAVersion(o.MinimumApiVersion) && BeAVersion(o.MaximumApiVersion))
            .WithName("MaximumApiVersion").WithMessage("MaximumApiVersion must not be below MinimumApiVersion.");
        RuleFor(o => o.RequestTimeout).InclusiveBetween(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        RuleFor(o => o.MaxRetries).InclusiveBetween(0, 100);
        RuleFor(o => o.RetryBaseDelay).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromMinutes(1));
        RuleFor(o => o.RetryMaxDelay).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromMinutes(5))
            .GreaterThanOrEqualTo(o => o.RetryBaseDelay);
        RuleFor(o => o.RetryBudget).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromHours(1));
        RuleFor(o => o.PageSize).InclusiveBetween(1, 10_000);
        RuleFor(o => o.MaxResponseBytes).InclusiveBetween(64 * 1024, 2L * 1024 * 1024 * 1024);
        RuleFor(o => o.MaxListItems).InclusiveBetween(1, 10_000_000);
        RuleFor(o => o.ListTimeout).InclusiveBetween(TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        RuleFor(o => o.FirstPollDelay).InclusiveBetween(TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        RuleFor(o => o.PollInterval).InclusiveBetween(TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10))
            .GreaterThanOrEqualTo(o => o.FirstPollDelay);
        RuleFor(o => o.Auth).NotNull();
        RuleFor(o => o.Tls).NotNull();

        When(o => o.Auth?.Type == IronicAuthType.HttpBasic, () =>
        {
            RuleFor(o => o.Auth.Username).NotEmpty().Must(u => u is null || !u.Contains(':', StringComparison.Ordinal))
                .WithMessage("Auth.Username is required for http_basic and must not contain ':'.");
            RuleFor(o => o.Auth.Password).NotEmpty().WithMessage("Auth.Password is required for http_basic.");
        });
        When(o => o.Auth?.Type == IronicAuthType.Keystone, () =>
        {
            RuleFor(o => o.Auth.Keystone.AuthUrl).NotNull().Must(BeAHttpUrlWithoutCredentials!)
                .WithMessage("Auth.Keystone.AuthUrl must be an absolute http(s) URL without credentials.");
            RuleFor(o => o.Auth.Keystone).Must(HaveOneLoginMethod)
                .WithMessage("Keystone needs either a user (name or id) with a password, or an application credential (id, or name with " +
                    "a user) with its secret.");
            RuleFor(o => o.Auth.Keystone.Interface).Must(i => i is "public" or "internal" or "admin")
                .WithMessage("Auth.Keystone.Interface must be public, internal or admin.");
            RuleFor(o => o.Auth.Keystone.ServiceType).NotEmpty();
            RuleFor(o => o.Auth.Keystone.RefreshBeforeExpiry).InclusiveBetween(TimeSpan.Zero, TimeSpan.FromHours(1));
        });
        RuleFor(o => o.Tls.ClientKeyPath).Null().When(o => o.Tls?.ClientCertificatePath is null)
            .WithMessage("Tls.ClientKeyPath needs Tls.ClientCertificatePath.");
    }

    private static bool BeAVersion(string? text) => ApiVersion.TryParse(text, out ApiVersion v) && v.Major == 1;

    private static bool BeAHttpUrlWithoutCredentials(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;

    private static bool HaveOneLoginMethod(KeystoneAuthOptions k)
    {
        bool hasUser = !string.IsNullOrEmpty(k.Username) || !string.IsNullOrEmpty(k.UserId);
        bool password = hasUser && !string.IsNullOrEmpty(k.Password);
        bool appCredential = !string.IsNullOrEmpty(k.ApplicationCredentialSecret)
            && (!string.IsNullOrEmpty(k.ApplicationCredentialId) || (!string.IsNullOrEmpty(k.ApplicationCredentialName) && hasUser));
        return password ^ appCredential;
    }
}
