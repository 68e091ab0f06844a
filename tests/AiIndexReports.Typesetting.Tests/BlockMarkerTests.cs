using System.Text;
using AiIndexReports.Typesetting.Pdf;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>
/// Finding the block markers in page content as Skia 3.119 writes it (the whole-file tests in TaggedPdfTests draw real
/// markers through Skia; these pin what counts as a marker and what is an error).
/// </summary>
public class BlockMarkerTests
{
    const string First = ".0039 .0078 .0118 RG .0039 .0078 .0118 rg\n";
    const string Second = ".0118 .0078 .0039 RG .0118 .0078 .0039 rg\n";
    const string Rect = "0 0 1 1 re\nf\n";

    static byte[] Bytes(string s) => Encoding.ASCII.GetBytes(s);

    [Fact]
    public void Markers_are_found_in_order_with_the_graphics_state_line_between_colour_and_rectangle()
    {
        var content = ".24 0 0 -.24 0 841.92 cm\n" + First + "/G3 gs\n" + Rect
            + "q\n4.16 0 0 4.16 0 0 cm\nBT\n<0001> Tj\nET\nQ\n" + Second + Rect;

        var markers = BlockMarker.Find(Bytes(content), 2);

        Assert.Equal(2, markers.Count);
        var first = content.IndexOf(First, StringComparison.Ordinal);
        Assert.Equal((first, first + First.Length, first + First.Length + "/G3 gs\n".Length, first + First.Length + "/G3 gs\n".Length + Rect.Length), markers[0]);
        var second = content.IndexOf(Second, StringComparison.Ordinal);
        Assert.Equal((second, second + Second.Length, second + Second.Length, content.Length), markers[1]);
    }

    [Fact]
    public void A_colour_line_that_does_not_start_a_line_is_not_a_marker()
    {
        var content = "1 " + First + Rect;

        var error = Assert.Throws<InvalidDataException>(() => BlockMarker.Find(Bytes(content), 1));
        Assert.Equal("marker 1 of 1 is missing", error.Message);
    }

    [Theory]
    [InlineData(First + Rect + Second + Rect, 1, "more than 1 markers")]
    [InlineData(First + Rect, 2, "marker 2 of 2 is missing")]
    [InlineData(First + Rect + First + Rect, 2, "marker 2 of 2 is missing")] // two markers in a row alternate colours
    [InlineData(First + "0 0 2 1 re\nf\n", 1, "marker 1 of 1 is not whole")]
    [InlineData(First + "/G3 cm\n" + Rect, 1, "marker 1 of 1 is not whole")]
    public void Content_that_is_not_what_the_exporter_drew_is_an_error(string content, int count, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => BlockMarker.Find(Bytes(content), count));
        Assert.Equal(message, error.Message);
    }
}
