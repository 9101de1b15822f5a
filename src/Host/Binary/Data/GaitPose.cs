namespace FastAttractors;

/// <summary>
/// The figure of <see cref="WalkingSilhouette"/> at one gait phase, as a union of capsules (segments with a radius) and
/// a head disk, in pixel coordinates (x right, y down). Proportions are fractions of the frame height H.
/// </summary>
internal sealed class GaitPose
{
    private readonly List<(double X0, double Y0, double X1, double Y1, double Radius)> _capsules = [];
    private double _headX, _headY, _headRadius;

    // Joint angles in radians from the downward vertical, positive = forward (+x).
    private const double ThighSwing = 0.45, KneeBend = 0.7, ArmSwing = 0.6, ElbowBend = 0.35;

    public static GaitPose At(double phase, int width, int height)
    {
        double h = height;
        var pose = new GaitPose();
        double centre = width / 2.0;
        // The hip rises twice per cycle, at each mid-stance.
        double hipY = 0.53 * h - 0.015 * h * Math.Cos(2 * phase);
        double shoulderY = hipY - 0.27 * h, shoulderX = centre + 0.02 * h; // slight forward lean
        double limb = Math.Max(0.7, 0.028 * h);

        pose._capsules.Add((centre, hipY, shoulderX, shoulderY, Math.Max(1.0, 0.05 * h)));
        pose._headX = shoulderX + 0.01 * h;
        pose._headY = shoulderY - 0.12 * h; // a neck gap keeps the head a separate blob
        pose._headRadius = Math.Max(1.5, 0.07 * h);

        // side 0 is the near side (thicker), side 1 the far side, half a cycle behind.
        for (int side = 0; side < 2; side++)
        {
            double p = phase + side * Math.PI;
            double radius = side == 0 ? 1.35 * limb : 0.75 * limb;

            double thigh = ThighSwing * Math.Sin(p);
            // The knee flexes most during swing (thigh moving forward), hardly at all in stance.
            double shin = thigh - KneeBend * Math.Max(0, Math.Cos(p));
            var (kx, ky) = Step(centre, hipY, thigh, 0.22 * h);
            var (fx, fy) = Step(kx, ky, shin, 0.22 * h);
            pose._capsules.Add((centre, hipY, kx, ky, radius));
            pose._capsules.Add((kx, ky, fx, fy, radius));

            double upper = -ArmSwing * Math.Sin(p); // each arm swings against the leg on its side
            var (ex, ey) = Step(shoulderX, shoulderY, upper, 0.15 * h);
            var (hx, hy) = Step(ex, ey, upper + ElbowBend, 0.14 * h);
            pose._capsules.Add((shoulderX, shoulderY, ex, ey, 0.9 * radius));
            pose._capsules.Add((ex, ey, hx, hy, 0.9 * radius));
        }
        return pose;
    }

    public bool Covers(double x, double y)
    {
        double hx = x - _headX, hy = y - _headY;
        if (hx * hx + hy * hy <= _headRadius * _headRadius)
            return true;
        foreach (var (x0, y0, x1, y1, r) in _capsules)
            if (SquaredDistanceToSegment(x, y, x0, y0, x1, y1) <= r * r)
                return true;
        return false;
    }

    private static (double X, double Y) Step(double x, double y, double angle, double length) =>
        (x + length * Math.Sin(angle), y + length * Math.Cos(angle));

    private static double SquaredDistanceToSegment(double px, double py, double x0, double y0, double x1, double y1)
    {
        double dx = x1 - x0, dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        double s = lengthSquared == 0 ? 0 : Math.Clamp(((px - x0) * dx + (py - y0) * dy) / lengthSquared, 0, 1);
        double ex = px - (x0 + s * dx), ey = py - (y0 + s * dy);
        return ex * ex + ey * ey;
    }
}
